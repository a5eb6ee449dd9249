package dev.imageprep.agent.cli;

import dev.imageprep.agent.json.Json;
import dev.imageprep.agent.run.AgentException;
import dev.imageprep.rules.catalog.Profile;
import dev.imageprep.rules.catalog.RuleEntry;
import dev.imageprep.rules.cleanup.CleanupEntry;
import dev.imageprep.rules.model.ExitCode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("profile", p.id());
      List<Map<String, Object>> rs = new ArrayList<>();
      for (RuleEntry r : p.rules()) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", r.id());
        o.put("title", r.title());
        o.put("severity", r.severity().key());
        o.put("type", r.check().type().key());
        o.put("source", r.source());
        rs.add(o);
      }
      root.put("rules", rs);
      List<Map<String, Object>> cs = new ArrayList<>();
      for (CleanupEntry c : p.cleanup()) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", c.id());
        o.put("title", c.title());
        o.put("action", c.action().key());
        o.put("default", c.enabledByDefault());
        o.put("order", c.order());
        o.put("source", c.source());
        if (!c.paths().isEmpty()) {
          o.put("paths", c.paths().stream().map(Object::toString).toList());
        }
        cs.add(o);
      }
      root.put("cleanup", cs);
      out.println(Json.pretty(root));
    } else if (format.equals("text")) {
      out.printf(Locale.ROOT, "Profile %s: %s%n%nRules%n", p.id(), p.title());
      for (RuleEntry r : p.rules()) {
        out.printf(Locale.ROOT, "  %-30s %-8s %s%n  %-30s %8s source: %s%n", r.id(), r.severity().key(), r.title(), "", "",
            r.source());
      }
      out.printf(Locale.ROOT, "%nCleanup items (* = on by default)%n");
      for (CleanupEntry c : p.cleanup()) {
        out.printf(Locale.ROOT, "  %-30s %s %-16s %s%n  %-30s   %16s source: %s%n", c.id(), c.enabledByDefault() ? "*" : " ",
            c.action().key(), c.title(), "", "", c.source());
      }
    } else {
      throw AgentException.usage("unknown --format " + format + " (text or json)");
    }
    out.flush();
    return ExitCode.OK.code();
  }
}
