package org.learningcities.agenda.enrolment;

enum EnrolmentStatus {
    CONFIRMED,
    WAITLISTED
}
