ls -la
mysql -uroot -poHK1AtAxv8Oo appdb
sshpass -p 'VSVlb6oKJr0l' ssh deploy@10.0.0.5
curl -u admin:Tg5WXOzHEEtR https://jenkins.internal/api/json
export API_TOKEN=WECueZtFox2vDjhMXtpiBCp88cgpnjcy
curl "https://metrics.internal/push?job=nightly&access_token=NNCdqJ8MfFWs"
git status
