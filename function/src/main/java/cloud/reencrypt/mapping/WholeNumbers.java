package cloud.reencrypt.mapping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Integer fields that take a whole-number double as well ({@code 112.0}): FunctionGraph binds a
 * {@code Map} event with Gson, which makes every number a {@code Double}. A fraction, or a value
 * outside the type's range, is refused rather than truncated as Jackson's own coercion would.
 */
final class WholeNumbers {
  private WholeNumbers() {}

  static SimpleModule module() {
    SimpleModule module = new SimpleModule("whole-numbers");
    module.addDeserializer(Long.class, new LongValue(Long.class));
    module.addDeserializer(long.class, new LongValue(long.class));
    module.addDeserializer(Integer.class, new IntValue(Integer.class));
    module.addDeserializer(int.class, new IntValue(int.class));
    return module;
  }

  private static long exact(JsonParser parser, DeserializationContext context, Class<?> type)
      throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT) {
      return parser.getLongValue();
    }
    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      // Stripped first, so that neither 1e-999999 nor 1e999999 is ever expanded.
      BigDecimal value = parser.getDecimalValue().stripTrailingZeros();
      if (value.scale() <= 0 && value.precision() - value.scale() <= 19) {
        try {
          return value.longValueExact();
        } catch (ArithmeticException e) {
          // out of long range: refused below
        }
      }
    }
    return (Long) context.handleUnexpectedToken(type, parser);
  }

  private static final class LongValue extends StdScalarDeserializer<Long> {
    LongValue(Class<?> type) {
      super(type);
    }

    @Override
    public Long deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      return exact(parser, context, handledType());
    }
  }

  private static final class IntValue extends StdScalarDeserializer<Integer> {
    IntValue(Class<?> type) {
      super(type);
    }

    @Override
    public Integer deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      long value = exact(parser, context, handledType());
      if (value != (int) value) {
        return (Integer) context.handleUnexpectedToken(handledType(), parser);
      }
      return (int) value;
    }
  }
}
