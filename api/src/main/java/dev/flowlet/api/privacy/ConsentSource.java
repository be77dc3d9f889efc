package dev.flowlet.api.privacy;

/** Where the customer declared a consent decision. */
enum ConsentSource {
  WEB,
  MOBILE_APP,
  BRANCH,
  PHONE,
  EMAIL,
  POST
}
