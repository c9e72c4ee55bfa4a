package cloud.reencrypt.kms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** KMS messages print their key IDs and lengths but never plaintext or data keys. */
class MessageToStringTest {
  private static final String KEY_ID = "0d0466b0-e727-4d9c-b35d-f84bb474a37f";
  private static final String SECRET = "SECRET PLAINTEXT";

  static Stream<Record> messagesWithSecrets() {
    return Stream.of(
        new EncryptDataRequest(KEY_ID, SECRET, null, "aad", null),
        new EncryptDatakeyRequest(KEY_ID, SECRET, "32", null, null),
        new DecryptDataResponse(KEY_ID, SECRET, SECRET),
        new CreateDatakeyResponse(KEY_ID, SECRET, "ciphertext"),
        new DecryptDatakeyResponse(SECRET, "32", SECRET));
  }

  @ParameterizedTest
  @MethodSource("messagesWithSecrets")
  void toString_messageWithSecret_showsItsSizeOnly(Record message) {
    String text = message.toString();

    assertFalse(text.contains(SECRET), text);
    assertTrue(text.contains("<redacted, " + SECRET.length() + " chars>"), text);
    assertTrue(text.startsWith(message.getClass().getSimpleName() + "["), text);
  }

  @Test
  void toString_encryptDataRequest_keepsTheNonSecretFields() {
    String text =
        new EncryptDataRequest(KEY_ID, SECRET, "SYMMETRIC_DEFAULT", "ctx", null).toString();

    assertEquals(
        "EncryptDataRequest[keyId="
            + KEY_ID
            + ", plainText=<redacted, 16 chars>, encryptionAlgorithm=SYMMETRIC_DEFAULT,"
            + " additionalAuthenticatedData=ctx, sequence=null]",
        text);
  }

  @Test
  void toString_absentSecret_printsNull() {
    String text = new CreateDatakeyResponse(KEY_ID, null, "ciphertext").toString();

    assertTrue(text.contains("plainText=null"), text);
  }

  /** A future message with a plaintext or data key must hide it too. */
  @Test
  void engineMessages_plaintextOrDataKeyComponents_areRedacted() {
    List<String> unmarked = new ArrayList<>();
    for (Class<?> message : engineMessages()) {
      for (RecordComponent component : message.getRecordComponents()) {
        String name = component.getName();
        boolean secret =
            name.startsWith("plainText")
                || name.startsWith("dataKey")
                || name.equals("datakeyDgst");
        if (secret && !component.isAnnotationPresent(Redacted.class)) {
          unmarked.add(message.getSimpleName() + "." + name);
        }
      }
    }
    assertEquals(List.of(), unmarked);
  }

  @Test
  void write_redactedMessage_keepsItsJsonMembers() {
    String json = KmsJson.write(new DecryptDataResponse(KEY_ID, SECRET, "U0VD"));

    assertEquals(
        "{\"key_id\":\""
            + KEY_ID
            + "\",\"plain_text\":\""
            + SECRET
            + "\",\"plain_text_base64\":\"U0VD\"}",
        json);
  }

  /** Every record a {@link KmsEngine} method takes or returns, type arguments included. */
  private static Set<Class<?>> engineMessages() {
    Set<Class<?>> messages = new LinkedHashSet<>();
    for (Method method : KmsEngine.class.getMethods()) {
      addRecords(method.getGenericReturnType(), messages);
      for (Type parameter : method.getGenericParameterTypes()) {
        addRecords(parameter, messages);
      }
    }
    assertTrue(messages.contains(DecryptDatakeyResponse.class), messages.toString());
    return messages;
  }

  private static void addRecords(Type type, Set<Class<?>> messages) {
    if (type instanceof ParameterizedType parameterized) {
      addRecords(parameterized.getRawType(), messages);
      for (Type argument : parameterized.getActualTypeArguments()) {
        addRecords(argument, messages);
      }
    } else if (type instanceof Class<?> c && c.isRecord() && messages.add(c)) {
      for (RecordComponent component : c.getRecordComponents()) {
        addRecords(component.getGenericType(), messages);
      }
    }
  }
}
