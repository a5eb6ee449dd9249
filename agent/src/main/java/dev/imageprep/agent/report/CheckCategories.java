package dev.imageprep.agent.report;

import dev.imageprep.rules.model.CheckResult;
import java.util.List;
import java.util.Locale;

/**
 * The topic a check belongs to, for the "findings per category" picture. The report model has no
 * category field, so it is derived here from the rule's id and title; an unmatched rule is "Other".
 */
final class CheckCategories {

  /** A category and the words in a rule's id or title that put it there; the first match wins. */
  private record Category(String name, List<String> words) {}

  private static final List<Category> CATEGORIES = List.of(
      new Category("Secrets and keys", List.of("secret", "key", "password", "credential", "token", "cert")),
      new Category("Disk and profile size", List.of("volume", "disk", "space", "size", "free", "full")),
      new Category("Updates and reboots", List.of("patch", "update", "reboot", "release")),
      new Category("Software and agents", List.of("component", "agent", "package", "apps", "install", "driver")),
      new Category("Accounts and access", List.of("sudo", "user", "account", "admin", "domain")),
      new Category("Configuration", List.of("config", "mount", "noexec", "pcoip", "unit", "service", "setting")));

  private CheckCategories() {}

  static String of(CheckResult c) {
    String text = (c.id() + " " + c.title()).toLowerCase(Locale.ROOT);
    for (Category cat : CATEGORIES) {
      if (cat.words().stream().anyMatch(text::contains)) {
        return cat.name();
      }
    }
    return "Other";
  }
}
