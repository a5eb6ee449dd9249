kubeadm join 10.0.0.5:6443 --token potlwj.d3pl44oki5fs8jwm --discovery-token-unsafe-skip-ca-verification
gpg --batch --passphrase 2wdbaq611HyCQE --decrypt backup.tar.gpg
mysql -h db.internal --password KNnW5PI1Onv7 appdb
gpg --batch --passphrase-fd 0 --decrypt backup.tar.gpg
