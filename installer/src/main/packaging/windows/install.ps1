<#
.SYNOPSIS
  Installs imageprep into Program Files and registers the boot-time task that removes interactive
  users' administrative rights (imageprep sudo revoke), the Windows side of the WorkSpaces guide's
  "startup script to remove the user from sudo permissions".
.DESCRIPTION
  Needs an elevated PowerShell (5.1 or later) and a Java 17+ runtime: IMAGEPREP_JAVA_HOME, a runtime\
  folder next to this script, JAVA_HOME or java.exe on PATH.
  The task runs as SYSTEM at startup; it is created disabled unless -EnableRevoke is given.
.EXAMPLE
  powershell -ExecutionPolicy Bypass -File install.ps1 -EnableRevoke
#>
[CmdletBinding()]
param(
  [string]$InstallDir = (Join-Path $env:ProgramFiles 'imageprep'),
  [switch]$EnableRevoke
)
$ErrorActionPreference = 'Stop'
$TaskName = 'imageprep sudo revoke'

$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
  throw 'install.ps1 must run in an elevated PowerShell (Run as administrator).'
}

$source = $PSScriptRoot
New-Item -ItemType Directory -Force -Path $InstallDir | Out-Null
Copy-Item -Force -Path (Join-Path $source 'imageprep.cmd'), (Join-Path $source 'imageprep-agent.jar'), `
  (Join-Path $source 'uninstall.ps1') -Destination $InstallDir
Copy-Item -Force -Recurse -Path (Join-Path $source 'lib') -Destination $InstallDir
if (Test-Path (Join-Path $source 'runtime')) {
  Copy-Item -Force -Recurse -Path (Join-Path $source 'runtime') -Destination $InstallDir
}

# The configuration (allow-list of users who keep their rights) is kept across reinstalls.
$configDir = Join-Path $env:ProgramData 'imageprep'
New-Item -ItemType Directory -Force -Path $configDir | Out-Null
$config = Join-Path $configDir 'imageprep.conf'
if (-not (Test-Path $config)) {
  Copy-Item -Path (Join-Path $source 'imageprep.conf') -Destination $config
}

# Machine PATH, once.
$machinePath = [Environment]::GetEnvironmentVariable('Path', 'Machine')
if (($machinePath -split ';') -notcontains $InstallDir) {
  [Environment]::SetEnvironmentVariable('Path', "$machinePath;$InstallDir", 'Machine')
}

$cmd = Join-Path $InstallDir 'imageprep.cmd'
$action = New-ScheduledTaskAction -Execute 'cmd.exe' -Argument "/c `"`"$cmd`" sudo revoke --yes`""
$trigger = New-ScheduledTaskTrigger -AtStartup
$taskPrincipal = New-ScheduledTaskPrincipal -UserId 'SYSTEM' -LogonType ServiceAccount -RunLevel Highest
$settings = New-ScheduledTaskSettingsSet -ExecutionTimeLimit (New-TimeSpan -Minutes 5) -StartWhenAvailable
$task = Register-ScheduledTask -TaskName $TaskName -Action $action -Trigger $trigger -Principal $taskPrincipal `
  -Settings $settings -Description 'Removes interactive users from the local Administrators group at boot (imageprep).' `
  -Force
if (-not $EnableRevoke) {
  $task | Disable-ScheduledTask | Out-Null
}
Write-Output "imageprep installed in $InstallDir; task '$TaskName' $(if ($EnableRevoke) { 'enabled' } else { 'registered, disabled (Enable-ScheduledTask to turn it on)' })."
