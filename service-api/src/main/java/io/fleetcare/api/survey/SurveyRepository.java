package io.fleetcare.api.survey;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Stored surveys, keyed by ticket number. */
@ApplicationScoped
public class SurveyRepository implements PanacheRepositoryBase<Survey, String> {
}
