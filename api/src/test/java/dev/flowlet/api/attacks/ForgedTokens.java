package dev.flowlet.api.attacks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * JSON Web Tokens built by hand, as an attacker builds them: any header, any claims, signed with
 * any key or not at all. {@link #LOCAL_SECRET} is the local profile's signing secret, which the
 * tests know; a token signed with it is authentic, so a refusal of one is about its claims.
 */
final class ForgedTokens {

  static final String LOCAL_SECRET = "local-only-jwt-secret-not-for-production-0123456789";
  static final String ISSUER = "flowlet-api";

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private ForgedTokens() {}

  /** The claims the API issues, for {@code roles}, valid for the next ten minutes. */
  static Map<String, Object> claims(String... roles) {
    long now = Instant.now().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("jti", UUID.randomUUID().toString());
    claims.put("iss", ISSUER);
    claims.put("sub", "demo-admin");
    claims.put("iat", now);
    claims.put("exp", now + 600);
    claims.put("sid", UUID.randomUUID().toString());
    claims.put("roles", List.of(roles));
    return claims;
  }

  static String hmac(
      String algorithm, String secret, Map<String, Object> header, Map<String, ?> claims) {
    String signingInput = encode(header) + "." + encode(claims);
    String javaName =
        switch (algorithm) {
          case "HS256" -> "HmacSHA256";
          case "HS384" -> "HmacSHA384";
          case "HS512" -> "HmacSHA512";
          default -> throw new IllegalArgumentException(algorithm);
        };
    try {
      Mac mac = Mac.getInstance(javaName);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), javaName));
      return signingInput + "." + BASE64URL.encodeToString(mac.doFinal(bytes(signingInput)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hs256(String secret, Map<String, ?> claims) {
    return hmac("HS256", secret, Map.of("alg", "HS256", "typ", "JWT"), claims);
  }

  /** Not signed at all: {@code alg} as given (none, None, ...) and an empty signature. */
  static String unsigned(String alg, Map<String, ?> claims) {
    return encode(Map.of("alg", alg, "typ", "JWT")) + "." + encode(claims) + ".";
  }

  /**
   * RS256 with a key pair of the attacker's, whose public key travels in the header ({@code jwk})
   * and is named by a {@code jku} URL: a server that trusts either verifies the forgery.
   */
  static String rs256WithEmbeddedKey(Map<String, ?> claims) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      RSAPublicKey key = (RSAPublicKey) pair.getPublic();
      Map<String, Object> jwk =
          Map.of(
              "kty", "RSA",
              "e", BASE64URL.encodeToString(key.getPublicExponent().toByteArray()),
              "n", BASE64URL.encodeToString(key.getModulus().toByteArray()));
      Map<String, Object> header =
          Map.of(
              "alg", "RS256",
              "typ", "JWT",
              "jwk", jwk,
              "jku", "http://127.0.0.1:1/attacker-keys.json",
              "kid", "attacker");
      String signingInput = encode(header) + "." + encode(claims);
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(pair.getPrivate());
      signature.update(bytes(signingInput));
      return signingInput + "." + BASE64URL.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A real token whose claims were rewritten, the original signature kept. */
  static String withClaims(String realToken, Map<String, ?> claims) {
    String[] parts = realToken.split("\\.");
    return parts[0] + "." + encode(claims) + "." + parts[2];
  }

  private static String encode(Map<String, ?> json) {
    return BASE64URL.encodeToString(bytes(AttackClient.JSON.writeValueAsString(json)));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
