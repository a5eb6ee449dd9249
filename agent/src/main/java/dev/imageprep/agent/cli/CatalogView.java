package dev.imageprep.agent.cli;

import dev.imageprep.agent.run.Session;
import dev.imageprep.rules.catalog.Profile;

/** Opens a profile for the read-only catalog commands (no selection, no lock). */
final class CatalogView {

  private CatalogView() {}

  static Session open(CommandContext ctx, TargetOptions target) {
    return new Session(ctx.env(), ctx.opener(), ctx.types(), target.request());
  }

  /** A named profile comes from the catalog alone; {@code auto} needs the host to detect it. */
  static Profile profile(CommandContext ctx, TargetOptions target) {
    if (target.profile != null && !target.profile.equals("auto")) {
      return Session.catalogProfile(ctx.env(), ctx.types(), target.ruleFiles, target.profile);
    }
    return open(ctx, target).profile();
  }
}
