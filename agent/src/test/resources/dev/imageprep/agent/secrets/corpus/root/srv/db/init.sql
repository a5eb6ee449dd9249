CREATE USER 'app'@'%' IDENTIFIED BY 'Q9Q3vAv2J7snzo';
CREATE ROLE reporting WITH LOGIN PASSWORD 'VMUKndpnLuYidl';
-- the password is set by the deployment, never here
ALTER USER app IDENTIFIED BY PASSWORD;
