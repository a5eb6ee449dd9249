#define DB_USER "app"
#define DB_PASSWORD "nt61H1Yk3hkE0"
#define PASSWORD_MAX_LENGTH 64
