package dev.imageprep.agent.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.imageprep.agent.report.ReportJson;
import dev.imageprep.agent.run.AgentException;
import dev.imageprep.rules.catalog.Profile;
import dev.imageprep.rules.catalog.RuleEntry;
import dev.imageprep.rules.cleanup.CleanupEntry;
import dev.imageprep.rules.model.ExitCode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code imageprep rules list}: one line per rule and cleanup item, like {@code virt-sysprep
 * --list-operations}: a {@code *} marks cleanup items that run by default.
 */
@Command(name = "list", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {"List the rules (with severity) and cleanup items (* = on by default) of a profile, with"
        + " their sources."})
public final class RulesListCommand implements Callable<Integer> {

  @ParentCommand
  RulesCommand rules;

  @Spec
  CommandSpec spec;

  @Mixin
  TargetOptions target;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
  String format;

  @Override
  public Integer call() throws Exception {
    Profile p = CatalogView.profile(rules.root.context(), target);
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      ObjectNode root = ReportJson.mapper().createObjectNode();
      root.put("profile", p.id());
      ArrayNode rs = root.putArray("rules");
      for (RuleEntry r : p.rules()) {
        rs.addObject().put("id", r.id()).put("title", r.title()).put("severity", r.severity().key())
            .put("type", r.check().type().key()).put("source", r.source());
      }
      ArrayNode cs = root.putArray("cleanup");
      for (CleanupEntry c : p.cleanup()) {
        ObjectNode o = cs.addObject().put("id", c.id()).put("title", c.title()).put("action", c.action().key())
            .put("default", c.enabledByDefault()).put("order", c.order()).put("source", c.source());
        c.paths().forEach(g -> o.withArray("paths").add(g.toString()));
      }
      out.println(ReportJson.mapper().writeValueAsString(root));
    } else if (format.equals("text")) {
      out.printf("Profile %s: %s%n%nRules%n", p.id(), p.title());
      for (RuleEntry r : p.rules()) {
        out.printf("  %-30s %-8s %s%n  %-30s %8s source: %s%n", r.id(), r.severity().key(), r.title(), "", "",
            r.source());
      }
      out.printf("%nCleanup items (* = on by default)%n");
      for (CleanupEntry c : p.cleanup()) {
        out.printf("  %-30s %s %-16s %s%n  %-30s   %16s source: %s%n", c.id(), c.enabledByDefault() ? "*" : " ",
            c.action().key(), c.title(), "", "", c.source());
      }
    } else {
      throw AgentException.usage("unknown --format " + format + " (text or json)");
    }
    out.flush();
    return ExitCode.OK.code();
  }
}
