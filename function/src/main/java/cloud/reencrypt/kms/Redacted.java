package cloud.reencrypt.kms;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component that holds plaintext, data-key or key material, or a secret: {@link
 * RecordText#of} prints its size only. A record with such a component overrides {@code toString}
 * with {@code RecordText.of(this)}. Only on the component (not the field, accessor or constructor
 * parameter), so Jackson and Gson, which never see it, bind and write the record as before.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Redacted {}
