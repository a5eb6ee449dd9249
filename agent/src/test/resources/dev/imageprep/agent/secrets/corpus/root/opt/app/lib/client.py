def connect(host, user, password=None, token=None):
    password = password or os.environ.get("DB_PASSWORD")
    self.password = self._parse_property(xml, "password")
    token = self.token_handler.create_token(request, refresh_token=self.issue_new_refresh_tokens)
    return Session(host, user=user, password=password)
