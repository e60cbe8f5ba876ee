package org.polity.portal.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The portal's templates ({@code src/main/jte}), compiled to Java classes when the module is built
 * (the {@code jte-maven-plugin}), so that a template that does not type-check fails the build and
 * the running portal needs no compiler. Output is HTML-escaped by the engine: a template writes
 * {@code ${value}} and never builds markup from strings.
 */
public final class Templates {

  /** The package of the compiled templates (the plugin's {@code packageName}). */
  public static final String PACKAGE = "org.polity.portal.templates";

  private static final TemplateEngine ENGINE =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, Templates.class.getClassLoader(), PACKAGE);

  private Templates() {}

  /**
   * Renders a template.
   *
   * @param name the template's file name under {@code src/main/jte}, such as {@code home.jte}
   * @param parameters its parameters by name
   * @return the HTML
   * @throws IllegalArgumentException when there is no such template or a parameter is missing
   */
  public static String render(String name, Map<String, Object> parameters) {
    StringOutput out = new StringOutput(8192);
    try {
      ENGINE.render(name, parameters, out);
    } catch (TemplateException e) {
      throw new IllegalArgumentException(
          "The template "
              + name
              + " cannot render with "
              + parameters.keySet()
              + ": "
              + e.getMessage(),
          e);
    }
    return out.toString();
  }
}
