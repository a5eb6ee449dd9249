<#
.SYNOPSIS
  Installs imageprep into Program Files and registers the boot-time task that removes interactive
  users from the local Administrators group (imageprep sudo revoke), the Windows side of the
  WorkSpaces guide's "startup script to remove the user from sudo permissions".
.DESCRIPTION
  Needs an elevated PowerShell (5.1 or later) and a Java 17+ runtime (64-bit): IMAGEPREP_JAVA_HOME,
  a runtime\ folder next to this script, JAVA_HOME or java.exe on PATH.
  %ProgramData%\imageprep (configuration, lock, journals, the revoke log) is made writable by SYSTEM
  and Administrators only. An upgrade replaces the program's files, so no old jar is left behind.
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
$Trusted = @('S-1-5-18', 'S-1-5-32-544') # SYSTEM, BUILTIN\Administrators
# Full control for SYSTEM and Administrators, read for Users, nothing inherited from ProgramData
$StateSddl = 'D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)'
$EnvironmentKey = 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager\Environment'

function Assert-PlainDirectory {
  param([string]$Path)
  $item = Get-Item -LiteralPath $Path -Force
  if (-not $item.PSIsContainer -or ($item.Attributes -band [IO.FileAttributes]::ReparsePoint)) {
    throw "$Path is a file, a junction or a link, not a plain directory: remove it first."
  }
  $owner = (Get-Acl -LiteralPath $Path).GetOwner([Security.Principal.SecurityIdentifier]).Value
  if ($Trusted -notcontains $owner) {
    throw "$Path belongs to $owner, not to SYSTEM or the Administrators: remove it first."
  }
}

function Initialize-StateDirectory {
  param([string]$Path)
  $acl = New-Object Security.AccessControl.DirectorySecurity
  $acl.SetSecurityDescriptorSddlForm($StateSddl, [Security.AccessControl.AccessControlSections]::Access)
  if (Test-Path -LiteralPath $Path) {
    Assert-PlainDirectory -Path $Path
    Set-Acl -LiteralPath $Path -AclObject $acl
  } elseif ($PSVersionTable.PSEdition -ne 'Core') {
    [void][IO.Directory]::CreateDirectory($Path, $acl) # created with its DACL: no window for others
  } else {
    New-Item -ItemType Directory -Path $Path | Out-Null
    Set-Acl -LiteralPath $Path -AclObject $acl
  }
  foreach ($entry in Get-ChildItem -LiteralPath $Path -Force) {
    $owner = (Get-Acl -LiteralPath $entry.FullName).GetOwner([Security.Principal.SecurityIdentifier]).Value
    if (($entry.Attributes -band [IO.FileAttributes]::ReparsePoint) -or $Trusted -notcontains $owner) {
      throw "$($entry.FullName) is a link or belongs to $owner; an elevated imageprep must not write through it: remove it."
    }
  }
}

function Get-MachinePath {
  # As stored (REG_EXPAND_SZ, %SystemRoot% unexpanded): [Environment]::GetEnvironmentVariable expands it
  # and SetEnvironmentVariable writes REG_SZ back, which froze every variable in it.
  (Get-Item -LiteralPath $EnvironmentKey).GetValue('Path', '', [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames)
}

function Set-MachinePath {
  [CmdletBinding(SupportsShouldProcess)]
  param([string]$Value)
  if ($PSCmdlet.ShouldProcess('machine PATH', "Set to $Value")) {
    New-ItemProperty -LiteralPath $EnvironmentKey -Name 'Path' -Value $Value -PropertyType ExpandString -Force | Out-Null
  }
}

$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
  throw 'install.ps1 must run in an elevated PowerShell (Run as administrator).'
}

$source = $PSScriptRoot
if (Test-Path -LiteralPath $InstallDir) {
  Assert-PlainDirectory -Path $InstallDir
  # an upgrade: the folders are replaced whole, so no jar of the old version stays on the class path
  foreach ($folder in 'lib', 'native', 'runtime') {
    $old = Join-Path $InstallDir $folder
    if (Test-Path -LiteralPath $old) {
      Remove-Item -LiteralPath $old -Recurse -Force
    }
  }
} else {
  New-Item -ItemType Directory -Path $InstallDir | Out-Null
}
Copy-Item -Force -Path (Join-Path $source 'imageprep.cmd'), (Join-Path $source 'imageprep-agent.jar'), `
  (Join-Path $source 'uninstall.ps1') -Destination $InstallDir
foreach ($folder in 'lib', 'native', 'runtime') {
  if (Test-Path -LiteralPath (Join-Path $source $folder)) {
    Copy-Item -Force -Recurse -Path (Join-Path $source $folder) -Destination $InstallDir
  }
}

# The configuration (allow-list of users who keep their rights) is kept across reinstalls.
$stateDir = Join-Path $env:ProgramData 'imageprep'
Initialize-StateDirectory -Path $stateDir
$config = Join-Path $stateDir 'imageprep.conf'
if (-not (Test-Path -LiteralPath $config)) {
  Copy-Item -Path (Join-Path $source 'imageprep.conf') -Destination $config
}
# Checks that are not elevated take their shared lock on this file, read-only.
$lock = Join-Path $stateDir 'imageprep.lock'
if (-not (Test-Path -LiteralPath $lock)) {
  New-Item -ItemType File -Path $lock | Out-Null
}

# Machine PATH, once, keeping its type and its variables.
$machinePath = Get-MachinePath
if (($machinePath -split ';') -notcontains $InstallDir) {
  Set-MachinePath -Value (($machinePath.TrimEnd(';'), $InstallDir) -join ';')
}

$cmd = Join-Path $InstallDir 'imageprep.cmd'
$shell = Join-Path $env:SystemRoot 'System32\cmd.exe'
$action = New-ScheduledTaskAction -Execute $shell -Argument "/c `"`"$cmd`" sudo revoke --yes`""
$trigger = New-ScheduledTaskTrigger -AtStartup
$taskPrincipal = New-ScheduledTaskPrincipal -UserId 'SYSTEM' -LogonType ServiceAccount -RunLevel Highest
$settings = New-ScheduledTaskSettingsSet -ExecutionTimeLimit (New-TimeSpan -Minutes 5) -StartWhenAvailable
$description = 'Removes users from the local Administrators group at boot, except the built-in Administrator and' +
  ' the allow-list in %ProgramData%\imageprep\imageprep.conf (imageprep sudo revoke; log: %ProgramData%\imageprep\sudo-revoke.log).'
$task = Register-ScheduledTask -TaskName $TaskName -Action $action -Trigger $trigger -Principal $taskPrincipal `
  -Settings $settings -Description $description -Force
if (-not $EnableRevoke) {
  $task | Disable-ScheduledTask | Out-Null
}
$state = if ($EnableRevoke) { 'enabled' } else { 'registered, disabled (Enable-ScheduledTask to turn it on)' }
Write-Output "imageprep installed in $InstallDir; task '$TaskName' $state."
