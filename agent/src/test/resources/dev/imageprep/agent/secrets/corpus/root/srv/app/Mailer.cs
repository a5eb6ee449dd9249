var creds = new NetworkCredential("relay@corp.example", "CVrXNl0WXNGqS1");
