package dev.imageprep.agent.cli;

import dev.imageprep.agent.json.Json;
import dev.imageprep.agent.run.AgentException;
import dev.imageprep.rules.catalog.Profile;
import dev.imageprep.rules.catalog.RuleEntry;
import dev.imageprep.rules.cleanup.CleanupEntry;
import dev.imageprep.rules.cleanup.Glob;
import dev.imageprep.rules.model.ExitCode;
import dev.imageprep.rules.select.NearestNames;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code imageprep rules show ID}: everything the catalog says about one rule or cleanup item. */
@Command(name = "show", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = "Show one rule or cleanup item in full: what it checks or removes, why, how to fix, where from.")
public final class RulesShowCommand implements Callable<Integer> {

  @ParentCommand
  RulesCommand rules;

  @Spec
  CommandSpec spec;

  @Mixin
  TargetOptions target;

  @Parameters(paramLabel = "ID", description = "Rule or cleanup item id.")
  String id;

  @Override
  public Integer call() throws Exception {
    Profile p = CatalogView.profile(rules.root.context(), target);
    PrintWriter out = spec.commandLine().getOut();
    Optional<RuleEntry> rule = p.rule(id);
    Optional<CleanupEntry> item = p.cleanupItem(id);
    if (rule.isPresent()) {
      RuleEntry r = rule.get();
      out.printf(Locale.ROOT, "%s — %s%n", r.id(), r.title());
      out.printf(Locale.ROOT, "  kind:        rule, severity %s%n", r.severity().key());
      out.printf(Locale.ROOT, "  check type:  %s (%s)%n", r.check().type().key(), r.check().type().summary());
      out.printf(Locale.ROOT, "  parameters:  %s%n", Json.compact(r.check().params()));
      if (!r.when().osIds().isEmpty() || r.when().mode() != null || r.when().cleanup() != null) {
        out.printf(Locale.ROOT, "  applies:     %s%n", describeWhen(r));
      }
      paragraph(out, "description", r.description());
      paragraph(out, "remediation", r.remediation());
      out.printf(Locale.ROOT, "  source:      %s%n  declared at: %s%n", r.source(), r.origin());
    } else if (item.isPresent()) {
      CleanupEntry c = item.get();
      out.printf(Locale.ROOT, "%s — %s%n", c.id(), c.title());
      out.printf(Locale.ROOT, "  kind:        cleanup item, action %s, %s by default, order %d%n", c.action().key(),
          c.enabledByDefault() ? "on" : "off", c.order());
      out.println("  paths:");
      for (Glob g : c.paths()) {
        out.printf(Locale.ROOT, "    %s%n", g);
      }
      for (CleanupEntry.Keep k : c.keep()) {
        out.printf(Locale.ROOT, "  keeps:       %s (%s)%n", k.path(), k.reason());
      }
      if (!c.anchors().isEmpty()) {
        out.printf(Locale.ROOT, "  stands for:  %s%n", String.join(", ", c.anchors()));
      }
      paragraph(out, "description", c.description());
      paragraph(out, "notes", c.notes());
      out.printf(Locale.ROOT, "  source:      %s%n  declared at: %s%n", c.source(), c.origin());
    } else {
      List<String> known = new ArrayList<>();
      p.rules().forEach(r -> known.add(r.id()));
      p.cleanup().forEach(c -> known.add(c.id()));
      throw AgentException.usage("profile " + p.id() + " has no rule or cleanup item '" + id + "'"
          + NearestNames.suggestion(id, known) + " (`imageprep rules list --profile " + p.id() + "` lists them)");
    }
    out.flush();
    return ExitCode.OK.code();
  }

  private static String describeWhen(RuleEntry r) {
    StringBuilder sb = new StringBuilder();
    if (!r.when().osIds().isEmpty()) {
      sb.append("on ").append(String.join(", ", r.when().osIds())).append(' ');
    }
    if (r.when().mode() != null) {
      sb.append(r.when().mode().equals("live") ? "on a running system " : "on a mounted root ");
    }
    if (r.when().cleanup() != null) {
      sb.append("when cleanup item ").append(r.when().cleanup()).append(" runs");
    }
    return sb.toString().strip();
  }

  private static void paragraph(PrintWriter out, String label, String text) {
    if (text != null && !text.isBlank()) {
      out.printf(Locale.ROOT, "  %-12s %s%n", label + ":", text.strip());
    }
  }
}
