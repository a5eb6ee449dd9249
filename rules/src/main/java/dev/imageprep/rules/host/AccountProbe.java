package dev.imageprep.rules.host;

import java.util.List;

/** Facts about local accounts and their privileges. */
public interface AccountProbe {

  /** @return users from the image's passwd database, or {@code Unknown} */
  Fact<List<UserAccount>> users();

  /** @return groups from the image's group database, or {@code Unknown} */
  Fact<List<GroupEntry>> groups();

  /** @return user specifications of {@code /etc/sudoers} and its include directories, or {@code Unknown} */
  Fact<List<SudoersRule>> sudoers();
}
