def connect(host: str, password: str = "Xn1boUBaiT0x"):
    return open_db(host, password=password)
