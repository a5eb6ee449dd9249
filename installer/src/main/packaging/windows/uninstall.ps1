<#
.SYNOPSIS
  Removes imageprep's boot-time task and its installation folder. The configuration in
  %ProgramData%\imageprep stays unless -Purge is given.
.DESCRIPTION
  -Purge removes %ProgramData%\imageprep only when it is a plain directory that SYSTEM or the
  Administrators own, and removes junctions and links inside it as links, never what they lead to.
#>
[CmdletBinding()]
param(
  [string]$InstallDir = (Join-Path $env:ProgramFiles 'imageprep'),
  [switch]$Purge
)
$ErrorActionPreference = 'Stop'
$TaskName = 'imageprep sudo revoke'
$Trusted = @('S-1-5-18', 'S-1-5-32-544') # SYSTEM, BUILTIN\Administrators
$EnvironmentKey = 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager\Environment'

function Remove-Tree {
  # Windows PowerShell's Remove-Item -Recurse walks into junctions; this removes links as links.
  [CmdletBinding(SupportsShouldProcess)]
  param([string]$Path)
  if (-not $PSCmdlet.ShouldProcess($Path, 'Remove the directory and everything in it')) {
    return
  }
  foreach ($entry in Get-ChildItem -LiteralPath $Path -Force) {
    if ($entry.Attributes -band [IO.FileAttributes]::ReparsePoint) {
      if ($entry.PSIsContainer) { [IO.Directory]::Delete($entry.FullName) } else { [IO.File]::Delete($entry.FullName) }
    } elseif ($entry.PSIsContainer) {
      Remove-Tree -Path $entry.FullName
    } else {
      $entry.Attributes = $entry.Attributes -band -bnot [IO.FileAttributes]::ReadOnly
      [IO.File]::Delete($entry.FullName)
    }
  }
  [IO.Directory]::Delete($Path)
}

function Remove-PlainDirectory {
  [CmdletBinding(SupportsShouldProcess)]
  param([string]$Path)
  if (-not (Test-Path -LiteralPath $Path)) {
    return
  }
  $item = Get-Item -LiteralPath $Path -Force
  $owner = (Get-Acl -LiteralPath $Path).GetOwner([Security.Principal.SecurityIdentifier]).Value
  if (-not $item.PSIsContainer -or ($item.Attributes -band [IO.FileAttributes]::ReparsePoint) -or $Trusted -notcontains $owner) {
    throw "$Path is not a plain directory owned by SYSTEM or the Administrators ($owner): not removed."
  }
  if ($PSCmdlet.ShouldProcess($Path, 'Remove')) {
    Remove-Tree -Path $Path -Confirm:$false
  }
}

$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
  throw 'uninstall.ps1 must run in an elevated PowerShell (Run as administrator).'
}

if (Get-ScheduledTask -TaskName $TaskName -ErrorAction SilentlyContinue) {
  Unregister-ScheduledTask -TaskName $TaskName -Confirm:$false
}
# The machine PATH as stored (REG_EXPAND_SZ), without this folder.
$machinePath = (Get-Item -LiteralPath $EnvironmentKey).GetValue('Path', '', [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames)
$kept = ($machinePath -split ';') | Where-Object { $_ -and $_.TrimEnd('\') -ne $InstallDir.TrimEnd('\') }
New-ItemProperty -LiteralPath $EnvironmentKey -Name 'Path' -Value ($kept -join ';') -PropertyType ExpandString -Force | Out-Null
Remove-PlainDirectory -Path $InstallDir
if ($Purge) {
  Remove-PlainDirectory -Path (Join-Path $env:ProgramData 'imageprep')
}
Write-Output 'imageprep removed.'
