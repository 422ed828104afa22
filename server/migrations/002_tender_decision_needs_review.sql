-- Hub schema v2: analysts may mark a tender "needs review". It is stored like any decision so the
-- latest word on a document is known to the hub, but it is not a relevance label: consumers that
-- count relevant vs irrelevant (training labels, accuracy) must filter on decision, not assume two.

-- 001 declared the CHECK inline, so PostgreSQL named it <table>_<column>_check. Dropping it by that
-- name fails loudly if a hand-edited database differs, rather than leaving two conflicting checks.
ALTER TABLE tender_decisions DROP CONSTRAINT tender_decisions_decision_check;
ALTER TABLE tender_decisions ADD CONSTRAINT tender_decisions_decision_check
  CHECK (decision IN ('relevant', 'irrelevant', 'needs-review'));
