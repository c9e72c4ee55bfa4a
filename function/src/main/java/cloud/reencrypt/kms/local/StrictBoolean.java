package cloud.reencrypt.kms.local;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * A boolean member that takes {@code true} or {@code false} only: Jackson's own would also take
 * {@code 1} or {@code "true"}, which the keystore has always refused.
 */
final class StrictBoolean extends StdScalarDeserializer<Boolean> {
  StrictBoolean() {
    super(Boolean.class);
  }

  @Override
  public Boolean deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    return (Boolean) context.handleUnexpectedToken(Boolean.class, parser);
  }
}
