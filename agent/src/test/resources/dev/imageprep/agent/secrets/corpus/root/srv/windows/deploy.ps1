$pw = ConvertTo-SecureString "btoXH2uwuizPe" -AsPlainText -Force
Connect-VIServer -Server vc01.corp -User administrator@vsphere.local -Password XRHolgpSfT1M
PsExec.exe \\web01 -u CORP\deploy -p ysFPWN8U19Ke cmd /c ipconfig
$cred = Get-Credential
