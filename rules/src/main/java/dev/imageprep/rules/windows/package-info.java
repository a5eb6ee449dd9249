/**
 * What a Windows image's registry and system volume say, as plain records: the Windows version,
 * services and their logon accounts, installed applications, user profiles, Windows paths. Pure: it
 * reads only through {@link dev.imageprep.rules.host.RegistryProbe} and {@link
 * dev.imageprep.rules.host.ImageFiles}.
 */
package dev.imageprep.rules.windows;
