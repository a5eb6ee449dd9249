package dev.imageprep.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.rules.catalog.BoundCheck;
import dev.imageprep.rules.catalog.RuleEntry;
import dev.imageprep.rules.catalog.When;
import dev.imageprep.rules.check.CheckContext;
import dev.imageprep.rules.check.CheckType;
import dev.imageprep.rules.check.Outcome;
import dev.imageprep.rules.check.PathsAbsentCheck;
import dev.imageprep.rules.cleanup.ActionKind;
import dev.imageprep.rules.cleanup.CleanupEntry;
import dev.imageprep.rules.cleanup.CleanupPlan;
import dev.imageprep.rules.cleanup.Glob;
import dev.imageprep.rules.cleanup.Planner;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.Severity;
import dev.imageprep.rules.model.CheckResult;
import dev.imageprep.rules.model.Status;
import dev.imageprep.rules.testing.FakeHost;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

  private final FakeHost host = new FakeHost();

  private static RuleEntry rule(String id, Severity severity, CheckType<PathsAbsentCheck.Params> type, When when,
      String... paths) {
    return new RuleEntry(id, id, severity, new BoundCheck<>(type, new PathsAbsentCheck.Params(List.of(paths), "key")),
        when, "", "fix it", "test", "test:1");
  }

  private List<CheckResult> evaluate(CleanupPlan plan, Set<String> cleanup, RuleEntry... rules) {
    return new Evaluator(new CheckContext(host, plan, cleanup, List.of())).evaluate(List.of(rules));
  }

  @Test
  void aFailedWarningRuleIsReportedAsWarnAndDoesNotBlock() {
    host.files.file("/run/reboot-required", "");
    CheckResult r = evaluate(new CleanupPlan(List.of()), Set.of(),
        rule("no-pending-reboot", Severity.WARNING, new PathsAbsentCheck(), When.ALWAYS, "/run/reboot-required")).get(0);
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(r.blocks(Severity.ERROR)).isFalse();
    assertThat(r.blocks(Severity.WARNING)).as("--fail-on warning").isTrue();
  }

  @Test
  void findingsTheCleanupRemovesAreResolvedByCleanupAndDoNotBlock() {
    host.files.file("/etc/ssh/ssh_host_rsa_key", "KEY").file("/root/.ssh/id_rsa", "KEY");
    CleanupEntry keys = new CleanupEntry("ssh-host-keys", "t", ActionKind.SHRED, List.of(Glob.parse("/etc/ssh/ssh_host_*_key")),
        true, 10, "", "", "s", "o");
    CleanupPlan plan = new Planner(host.files, List.of(), List.of()).plan(List.of(keys));

    CheckResult onlyHostKeys = evaluate(plan, Set.of("ssh-host-keys"),
        rule("keys", Severity.ERROR, new PathsAbsentCheck(), When.ALWAYS, "/etc/ssh/ssh_host_*_key")).get(0);
    assertThat(onlyHostKeys.status()).isEqualTo(Status.RESOLVED_BY_CLEANUP);
    assertThat(onlyHostKeys.resolvedBy()).containsExactly("ssh-host-keys");
    assertThat(onlyHostKeys.evidence()).allSatisfy(e -> assertThat(e.removedBy()).isEqualTo("ssh-host-keys"));
    assertThat(onlyHostKeys.awaitsCleanup()).as("not ready until cleaned").isTrue();
    assertThat(onlyHostKeys.blocks(Severity.WARNING)).as("but nothing blocks the cleanup").isFalse();

    CheckResult withUserKey = evaluate(plan, Set.of("ssh-host-keys"),
        rule("keys", Severity.ERROR, new PathsAbsentCheck(), When.ALWAYS, "/etc/ssh/ssh_host_*_key", "/root/.ssh/id_rsa"))
        .get(0);
    assertThat(withUserKey.resolvedBy()).as("one finding stays").isEmpty();
    assertThat(withUserKey.status()).isEqualTo(Status.FAIL);
    assertThat(withUserKey.blocks(Severity.ERROR)).isTrue();
  }

  @Test
  void aFailureThatCouldNotLookEverywhereIsNotResolvedByRemovingWhatItFound() {
    host.files.file("/etc/ssh/ssh_host_rsa_key", "KEY").file("/root/.ssh/id_rsa", "KEY").unreadable("/root/.ssh");
    CleanupEntry keys = new CleanupEntry("ssh-host-keys", "t", ActionKind.SHRED, List.of(Glob.parse("/etc/ssh/ssh_host_*_key")),
        true, 10, "", "", "s", "o");
    CleanupPlan plan = new Planner(host.files, List.of(), List.of()).plan(List.of(keys));

    CheckResult r = evaluate(plan, Set.of("ssh-host-keys"),
        rule("keys", Severity.ERROR, new PathsAbsentCheck(), When.ALWAYS, "/etc/ssh/ssh_host_*_key", "/root/.ssh/id_*"))
        .get(0);
    assertThat(r.status()).as("/root/.ssh may hold keys the cleanup leaves").isEqualTo(Status.FAIL);
    assertThat(r.resolvedBy()).isEmpty();
    assertThat(r.evidence()).extracting(e -> e.kind()).containsExactly("key", "not-seen");
    assertThat(r.evidence().get(1).detail()).startsWith("/root/.ssh: ");
    assertThat(r.blocks(Severity.ERROR)).isTrue();
  }

  @Test
  void aCheckThatThrowsIsUnknownNeverPass() {
    CheckType<PathsAbsentCheck.Params> broken = new CheckType<>() {
      @Override
      public String key() {
        return "broken";
      }

      @Override
      public String summary() {
        return "Throws";
      }

      @Override
      public Class<PathsAbsentCheck.Params> paramsType() {
        return PathsAbsentCheck.Params.class;
      }

      @Override
      public Outcome evaluate(PathsAbsentCheck.Params p, CheckContext c) {
        throw new IllegalStateException("boom");
      }
    };
    CheckResult r = evaluate(new CleanupPlan(List.of()), Set.of(), rule("x", Severity.ERROR, broken, When.ALWAYS, "/x")).get(0);
    assertThat(r.status()).isEqualTo(Status.UNKNOWN);
    assertThat(r.message()).contains("boom");
    assertThat(r.blocks(Severity.ERROR)).isTrue();
  }

  @Test
  void conditionsSkipRulesThatDoNotApply() {
    When amazonOnly = new When(List.of("amzn"), null, null);
    When liveOnly = new When(List.of(), "live", null);
    When guardsKeys = new When(List.of(), null, "ssh-host-keys");
    host.offline();
    List<CheckResult> r = evaluate(new CleanupPlan(List.of()), Set.of(),
        rule("a", Severity.ERROR, new PathsAbsentCheck(), amazonOnly, "/x"),
        rule("b", Severity.ERROR, new PathsAbsentCheck(), liveOnly, "/x"),
        rule("c", Severity.ERROR, new PathsAbsentCheck(), guardsKeys, "/x"));
    assertThat(r).extracting(CheckResult::status).containsOnly(Status.SKIPPED);
    assertThat(r.get(0).message()).contains("this is debian 12");
  }

  @Test
  void anUnknownOperatingSystemMakesOsGatedRulesUnknown() {
    host.os = Fact.unknown("no /etc/os-release");
    CheckResult r = evaluate(new CleanupPlan(List.of()), Set.of(),
        rule("a", Severity.ERROR, new PathsAbsentCheck(), new When(List.of("amzn"), null, null), "/x")).get(0);
    assertThat(r.status()).isEqualTo(Status.UNKNOWN);
  }
}
