package io.fleetcare.api.problem;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request bodies take whole numbers only where the field is a whole number: Jackson's default
 * {@link DeserializationFeature#ACCEPT_FLOAT_AS_INT} would truncate a quantity of 1.5 to 1 without a word
 * (issue 20). With it off, such a body is answered 400 by {@link ProblemResponses#unreadableBody} naming the field.
 */
@Singleton
public class StrictNumbers implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
