package org.polity.jakarta.cartography;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.polity.cartography.InitiativeKind;
import org.polity.cartography.InitiativeQuery;
import org.polity.cartography.Scale;
import org.polity.geo.BoundingBox;
import org.polity.geo.GeoJsonFeature;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.problem.Problem;

/**
 * The query parameters that filter initiatives, shared by the OGC items endpoint of the {@code
 * initiatives} collection and {@code /api/v1/initiatives/nearest}: {@code kind}, {@code theme} and
 * {@code scale} (comma-separated codes: any of them matches), {@code within} (the id of a feature
 * of the {@code districts} collection: initiatives whose place meets that district or
 * municipality). Every bad value is reported at once (400).
 */
final class InitiativeFilters {

  private static final org.polity.common.Texts TEXTS =
      org.polity.common.Texts.of(InitiativeFilters.class);

  private InitiativeFilters() {}

  static InitiativeQuery query(
      BoundingBox bbox,
      LocalDate from,
      LocalDate to,
      String kind,
      String theme,
      String scale,
      String within,
      MapLayers map) {
    InitiativeQuery.Builder query = InitiativeQuery.builder();
    List<Problem.FieldError> errors = new ArrayList<>();
    if (bbox != null) {
      query.bbox(bbox);
    }
    if (from != null || to != null) {
      query.activeBetween(from, to);
    }
    for (String code : codes(kind)) {
      try {
        query.kind(InitiativeKind.fromCode(code));
      } catch (IllegalArgumentException e) {
        errors.add(
            new Problem.FieldError(
                "kind",
                TEXTS.text(
                    "initiative.filter.code",
                    code,
                    String.join(
                        ", ",
                        java.util.Arrays.stream(InitiativeKind.values())
                            .map(InitiativeKind::code)
                            .toList()))));
      }
    }
    for (String code : codes(theme)) {
      try {
        query.theme(code);
      } catch (IllegalArgumentException e) {
        errors.add(new Problem.FieldError("theme", e.getMessage()));
      }
    }
    for (String code : codes(scale)) {
      try {
        query.scale(Scale.fromCode(code));
      } catch (IllegalArgumentException e) {
        errors.add(
            new Problem.FieldError(
                "scale",
                TEXTS.text(
                    "initiative.filter.code",
                    code,
                    String.join(
                        ", ", java.util.Arrays.stream(Scale.values()).map(Scale::code).toList()))));
      }
    }
    if (within != null) {
      Geometry district =
          map.layer(MapLayers.DISTRICTS)
              .flatMap(layer -> layer.feature(within.strip()))
              .map(GeoJsonFeature::geometry)
              .orElse(null);
      if (district == null) {
        errors.add(
            new Problem.FieldError("within", TEXTS.text("initiative.filter.within", within)));
      } else {
        query.within(district);
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return query.build();
  }

  private static List<String> codes(String list) {
    List<String> codes = new ArrayList<>();
    if (list != null) {
      for (String code : list.split(",")) {
        if (!code.isBlank()) {
          codes.add(code.strip());
        }
      }
    }
    return codes;
  }
}
