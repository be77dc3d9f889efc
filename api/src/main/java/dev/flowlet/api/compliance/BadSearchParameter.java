package dev.flowlet.api.compliance;

/**
 * A search parameter the API cannot use; answered 400 naming the parameter and what it must be,
 * never its value (a search value may be personal data or an attack string).
 */
class BadSearchParameter extends RuntimeException {

  private final String parameter;

  BadSearchParameter(String parameter, String requirement) {
    super(requirement);
    this.parameter = parameter;
  }

  String parameter() {
    return parameter;
  }
}
