package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.windows.WindowsRegistry;
import dev.imageprep.rules.windows.WindowsService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * No service logs on with a domain account. The account is the service's {@code ObjectName}; it is
 * local when it is a built-in account ({@code LocalSystem}, {@code NT AUTHORITY\...}, virtual {@code
 * NT SERVICE\...} accounts) or a user of this computer ({@code .\alice}, {@code COMPUTER\alice}). The
 * prefix is compared with the computer name from the registry, not with {@code %USERDOMAIN%}, which
 * is the computer name itself when the agent runs as SYSTEM. Drivers are left out: their {@code
 * ObjectName} names a driver object, not an account.
 */
public final class WindowsServiceAccountsCheck extends CheckTypeBase<WindowsServiceAccountsCheck.Params> {

  private static final Set<String> LOCAL_AUTHORITIES = Set.of(".", "NT AUTHORITY", "NT SERVICE", "BUILTIN",
      "NT VIRTUAL MACHINE", "IIS APPPOOL", "WINDOW MANAGER", "FONT DRIVER HOST");
  private static final Set<String> BUILT_IN = Set.of("LOCALSYSTEM", "LOCALSERVICE", "NETWORKSERVICE", "SYSTEM");

  /** @param includeDisabled also judge disabled services, which do not run */
  public record Params(Boolean includeDisabled) {
    public Params {
      includeDisabled = includeDisabled != null && includeDisabled;
    }
  }

  /** How an account name reads. */
  enum AccountKind { LOCAL, DOMAIN, UNDECIDED }

  public WindowsServiceAccountsCheck() {
    super("windows-service-accounts",
        "No Windows service logs on with a domain account (built-in and local accounts only)", Params.class);
  }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    WindowsRegistry registry = WindowsRegistry.of(context.host());
    Fact<List<WindowsService>> services = registry.services();
    if (!services.isKnown()) {
      return Outcome.unknown("could not read the services", services);
    }
    Fact<String> computer = registry.computerName();
    String computerName = computer.isKnown() ? computer.value() : null;
    List<Evidence> domain = new ArrayList<>();
    List<Evidence> undecided = new ArrayList<>();
    int judged = 0;
    for (WindowsService s : services.value()) {
      if (!s.isProcess() || (s.isDisabled() && !p.includeDisabled())) {
        continue;
      }
      judged++;
      String account = s.account().isBlank() ? "LocalSystem" : s.account();
      switch (classify(account, computerName)) {
        case DOMAIN -> domain.add(Evidence.of("domain-account", s.name() + " (" + s.displayName() + ", "
            + s.startName() + ") logs on as " + account));
        case UNDECIDED -> undecided.add(Evidence.of("account-undecided", s.name() + " logs on as " + account
            + "; the computer name is unknown (" + computer.reason() + ")"));
        case LOCAL -> { }
      }
    }
    Judgement judgement = new Judgement().data("servicesJudged", judged).data("computerName", computerName);
    domain.forEach(judgement::found);
    undecided.forEach(e -> judgement.unseen(e.detail(), e));
    int servicesJudged = judged;
    return judgement.toOutcome(found -> found.size() + " service(s) log on with a domain account",
        unseen -> unseen.size() + " service(s) log on with an account that may be a domain account",
        () -> "all " + servicesJudged + " " + (p.includeDisabled() ? "" : "enabled ")
            + "services log on with built-in or local accounts");
  }

  /**
   * Classifies an {@code ObjectName}.
   *
   * @param computerName the image's computer name, or null when unknown
   */
  static AccountKind classify(String account, String computerName) {
    String a = account.strip();
    String upper = a.toUpperCase(Locale.ROOT);
    if (BUILT_IN.contains(upper)) {
      return AccountKind.LOCAL;
    }
    if (a.contains("@")) {
      return AccountKind.DOMAIN; // alice@corp.example.com
    }
    int slash = a.indexOf('\\');
    if (slash < 0) {
      return AccountKind.LOCAL; // a bare name is looked up on this computer first
    }
    String authority = upper.substring(0, slash);
    if (LOCAL_AUTHORITIES.contains(authority)) {
      return AccountKind.LOCAL;
    }
    if (computerName == null) {
      return AccountKind.UNDECIDED;
    }
    return authority.equals(computerName.toUpperCase(Locale.ROOT)) ? AccountKind.LOCAL : AccountKind.DOMAIN;
  }
}
