package org.learningcities.registration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the fields of a resource that only the server sets (ids, status, decisions, accounts ...). A request body
 * of the annotated type carrying one at its top level is refused with 400 naming it, instead of the field being
 * silently dropped: a client that believes it set a status or an account must learn that it did not (OWASP API3,
 * broken object property level authorization). Enforced by {@link ServerOwnedFieldsAdvice}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ServerOwnedFields {

    String[] value();
}
