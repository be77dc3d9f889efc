package dev.flowlet.api.problems;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses a JSON string holding U+0000 while the body is read. PostgreSQL cannot store that
 * character in text, so such a value used to fail the insert with a 500; refused here, it is a 400
 * naming the field, like any other unreadable value.
 */
@Configuration(proxyBeanMethods = false)
class TextWithoutNul {

  @Bean
  JacksonModule nulFreeStrings() {
    return new SimpleModule("text-without-nul").addDeserializer(String.class, new Strings());
  }

  /** The standard string reading, then the check. */
  private static final class Strings extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
      String text = super.deserialize(parser, context);
      if (text != null && text.indexOf('\u0000') >= 0) {
        throw new NulCharacter(parser);
      }
      return text;
    }
  }

  /** A string with a NUL character; {@link UnreadableBodies} names the field. */
  static final class NulCharacter extends MismatchedInputException {

    NulCharacter(JsonParser parser) {
      super(parser, "A string holds the NUL character", String.class);
    }
  }
}
