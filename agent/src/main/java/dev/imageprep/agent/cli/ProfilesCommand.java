package dev.imageprep.agent.cli;

import dev.imageprep.agent.run.AgentException;
import dev.imageprep.rules.catalog.Catalog;
import dev.imageprep.rules.catalog.CatalogException;
import dev.imageprep.rules.catalog.Profile;
import dev.imageprep.rules.model.ExitCode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code imageprep profiles}: the profiles, what each is for and what it extends. */
@Command(name = "profiles", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = "List the profiles: id, platform, environment, what each extends, and how many rules and"
        + " cleanup items it has.")
public final class ProfilesCommand implements Callable<Integer> {

  @ParentCommand
  RootCommand root;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Catalog catalog;
    try {
      catalog = Catalog.load(root.context().types(), Catalog.BUNDLED, List.of());
    } catch (CatalogException e) {
      throw new AgentException(ExitCode.INCOMPLETE, "the bundled catalog is broken: " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%-20s %-8s %-11s %-14s %5s %7s  %s%n", "PROFILE", "PLATFORM", "ENVIRONMENT", "EXTENDS", "RULES",
        "CLEANUP", "TITLE");
    for (String id : catalog.profileIds()) {
      Profile p = catalog.resolve(id);
      out.printf(Locale.ROOT, "%-20s %-8s %-11s %-14s %5d %7d  %s%n", p.id(), p.platform().key(), p.environment(),
          p.parent() == null ? "-" : p.parent(), p.rules().size(), p.cleanup().size(), p.title());
    }
    out.flush();
    return ExitCode.OK.code();
  }
}
