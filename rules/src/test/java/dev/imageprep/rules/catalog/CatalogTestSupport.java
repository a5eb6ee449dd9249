package dev.imageprep.rules.catalog;

import dev.imageprep.rules.check.CheckTypes;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loads catalogs from strings, the way the agent loads them from files. */
final class CatalogTestSupport {

  private CatalogTestSupport() {}

  static Catalog bundledWith(String... overlays) {
    List<Catalog.Source> extra = new ArrayList<>();
    for (int i = 0; i < overlays.length; i++) {
      String text = overlays[i];
      extra.add(new Catalog.Source("extra" + (i + 1) + ".yaml",
          () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    }
    return Catalog.load(CheckTypes.builtIn(), Catalog.BUNDLED, extra);
  }

  static CatalogFile parse(String text) {
    return new CatalogLoader(CheckTypes.builtIn()).load("rules.yaml", text);
  }
}
