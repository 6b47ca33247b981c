package io.autocnn.space.spec;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field added to the specification after specifications were first stored: JSON without it (a stored trial
 * of an older experiment, a hand-written file) takes its type's default from {@link TrialSpecJson}, while every
 * other field stays required. On the constructor parameter only, so Jackson never writes to the record's field.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JacksonInject(useInput = OptBoolean.TRUE)
public @interface OptionalInJson {
}
