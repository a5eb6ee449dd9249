<#
.SYNOPSIS
  Removes imageprep's boot-time task and its installation folder. The configuration in
  %ProgramData%\imageprep stays unless -Purge is given.
#>
[CmdletBinding()]
param(
  [string]$InstallDir = (Join-Path $env:ProgramFiles 'imageprep'),
  [switch]$Purge
)
$ErrorActionPreference = 'Stop'
$TaskName = 'imageprep sudo revoke'

if (Get-ScheduledTask -TaskName $TaskName -ErrorAction SilentlyContinue) {
  Unregister-ScheduledTask -TaskName $TaskName -Confirm:$false
}
$machinePath = [Environment]::GetEnvironmentVariable('Path', 'Machine')
$kept = ($machinePath -split ';') | Where-Object { $_ -and $_ -ne $InstallDir }
[Environment]::SetEnvironmentVariable('Path', ($kept -join ';'), 'Machine')
if (Test-Path $InstallDir) {
  Remove-Item -Recurse -Force -Path $InstallDir
}
if ($Purge) {
  Remove-Item -Recurse -Force -Path (Join-Path $env:ProgramData 'imageprep') -ErrorAction SilentlyContinue
}
Write-Output 'imageprep removed.'
