package dev.imageprep.agent.probe.windows;

/**
 * The security calls the state directory needs, as a seam: {@link JnaSecurityApi} calls advapi32 and
 * kernel32, tests answer with the security descriptors Windows reports, in SDDL ("Security
 * Descriptor String Format", Win32 docs).
 */
interface SecurityApi {

  int ERROR_ALREADY_EXISTS = 183;

  /** {@code CreateDirectoryW} with the security descriptor the SDDL string describes. */
  void createDirectory(String path, String sddl) throws WinError;

  /** {@code GetKernelObjectSecurity} on an open handle: its owner and DACL as SDDL. */
  String ownerAndDacl(long handle) throws WinError;

  /** {@code SetKernelObjectSecurity}: the DACL of the SDDL string (protected, so nothing is inherited). */
  void setDacl(long handle, String sddl) throws WinError;
}
