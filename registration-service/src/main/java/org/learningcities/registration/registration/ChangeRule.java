package org.learningcities.registration.registration;

/** What a conference lets delegates change in their profile once they are approved. */
enum ChangeRule {
    /** Approved delegates change their profile themselves. */
    ALLOWED,
    /** An approved delegate's change is held until the secretariat accepts it. */
    MODERATED,
    /** Approved delegates may change their profile until the conference's deadline, then no more. */
    CLOSED
}
