package cloud.reencrypt.service;

import cloud.reencrypt.kms.KmsOperation;
import cloud.reencrypt.kms.KmsOperations;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.mapping.JsonMapping;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * Binds a manifest line's ReEncrypt request from the parser's tokens, for the line every manifest
 * is made of: one object whose members are strings or null, unknown members skipped. Binding a
 * record through databind was about a fifth of a line's CPU once the crypto was fast. Any other
 * line (malformed JSON, a member of another type, a repeated name, text after the object) is read
 * again by the request reader of {@link KmsOperation}, which binds it or refuses it exactly as for
 * any request; so this path only ever returns what that reader would.
 *
 * <p>The parser comes from the same reader, so it has the mapper's limits and duplicate detection.
 */
final class ManifestLineRequest {
  private static final ObjectReader READER = JsonMapping.reader(ReEncryptRequest.class);

  /** The wire names of the request's members, in the order of its components. */
  private static final List<String> NAMES =
      Arrays.stream(ReEncryptRequest.class.getRecordComponents())
          .map(RecordComponent::getName)
          .map(new PropertyNamingStrategies.SnakeCaseStrategy()::translate)
          .toList();

  private ManifestLineRequest() {}

  static ReEncryptRequest bind(byte[] line) {
    try (JsonParser parser = READER.createParser(line)) {
      String[] values = members(parser);
      if (values != null) {
        return new ReEncryptRequest(
            values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7]);
      }
    } catch (IOException e) {
      // Not the common case: the reader below says what is wrong, as it would anywhere.
    }
    return KmsOperations.RE_ENCRYPT.bind(line);
  }

  /** The members by component, or null for anything but an object of strings and nulls. */
  private static String[] members(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    String[] values = new String[NAMES.size()];
    JsonToken token = parser.nextToken();
    for (; token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
      int member = NAMES.indexOf(parser.currentName());
      JsonToken value = parser.nextToken();
      if (member < 0) {
        parser.skipChildren();
      } else if (value == JsonToken.VALUE_STRING) {
        values[member] = parser.getText();
      } else if (value != JsonToken.VALUE_NULL) {
        return null;
      }
    }
    return token == JsonToken.END_OBJECT && parser.nextToken() == null ? values : null;
  }
}
