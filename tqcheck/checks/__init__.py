"""Critical-error checks, one per module. Families by code: TQ0 language, TQ1 omission/addition,
TQ2 named entities, TQ3 numbers, TQ4 meaning (self-inversion, polarity), TQ5 back-translation,
TQ6 placeholders and markup, TQ7 fluency (the draft alone), TQ9 tqcheck itself (suppressions)."""
