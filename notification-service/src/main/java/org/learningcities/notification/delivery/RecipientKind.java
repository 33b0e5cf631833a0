package org.learningcities.notification.delivery;

/** Who a notification is for: a registered delegate (by registration id) or an interpreter on the roster. */
public enum RecipientKind {
    DELEGATE, INTERPRETER
}
