"""Charter files the io tests read: the keys every charter needs, and a rich one.

``HEAD`` holds the three required keys (id, title, tz); ``RICH`` is a file
with every part of the format: calendars, channels, every kind of rule,
obligations, caps, commitments, duties and revisions.
"""

from __future__ import annotations

HEAD = 'id = "x"\ntitle = "X"\ntz = "Europe/Paris"\n'
RICH = """\
id = "example-support"
title = "Charte « Support Technique »"
provider = "Example Software Support"
version = "2009"
effective = 2009-07-01
locale = "fr-FR"
tz = "Europe/Paris"

[calendars.default]
hours = "Mo-Fr 09:00-12:00,14:00-17:00; PH off"
holidays = "FR"
closures = [2026-08-14]
special_days = [{date = 2026-12-24, hours = "09:00-12:00"}]

[calendars.web]
tz = "Europe/Brussels"
weekly = {Mo-Fr = "09:00-17:00", Sa = ["10:00-12:00"]}
holidays = [{country = "FR", subdiv = "57"}, 2026-05-02, "BE"]
holiday_hours = "10:00-11:00"
changes = [{effective = 2027-01-01, weekly = {Mo-Fr = "08:00-18:00"}}]
annual_days = [{month = 12, day = 31, hours = "off"}]
seasons = [{months = [7, 8], weekly = {Fr = "09:00-12:00", Sa = "off"}}]

[[channels]]
id = "phone"
kind = "phone"
title = "Support line"
text = "Accessible par téléphone.\\n\\nUn répondeur prend vos messages."

[[channels]]
id = "web"
kind = "web_form"
calendar = "web"

[[engagements]]
id = "anomalies"
title = "Assistance sur les anomalies"
text = "L'assistance est réalisée dans les 4 heures ouvrées qui suivent l'appel."
channel = "phone"
kinds = ["anomaly", "bug"]
priorities = ["high"]
objectives = ["4 business hours"]

[[engagements]]
id = "web-answers"
title = "Réponses du formulaire"
text = "Réponses assurées dans les 3 jours (60 % dans la journée)."
channel = "web"
pausable = true

[[engagements.objectives]]
within = "3 business days"

[[engagements.objectives]]
within = {kind = "same_business_day"}
share = 0.6
title = "dans la journée"

[[engagements]]
id = "rules"
title = "Every kind of rule, as tables"

[[engagements.objectives]]
within = {kind = "business_duration", duration = "2h30min", boundary = "close"}

[[engagements.objectives]]
within = {kind = "business_days", days = 2, at = "same_time"}

[[engagements.objectives]]
title = "a table in a table"

[engagements.objectives.within]
kind = "calendar_period"
amount = 7
unit = "days"
roll = "following"
end_of_day = true

[[engagements.objectives]]
within = {kind = "next_opening", business_days = 0, offset = 5400}

[[engagements.objectives]]
within = {kind = "end_of_period", period = "month"}

[[engagements.objectives]]
within.kind = "earliest_of"
within.rules = ["4 business hours", {kind = "end_of_period", period = "day"}]

[[engagements.objectives]]
within = {kind = "latest_of", rules = ["1 business day", "24 hours"]}

[[obligations]]
id = "survey"
title = "Questionnaire de satisfaction"
rrule = "FREQ=YEARLY;INTERVAL=2"

[[obligations]]
id = "follow-up"
title = "Suivi téléphonique"
rrule = "FREQ=YEARLY"
first_after = "1 month"

[[caps]]
id = "usage"
title = "Assistance sur l'utilisation"
limit = "30 minutes"
per = "module"
condition = "module ayant fait l'objet de formation"

[[commitments]]
id = "courtesy"
title = "Accueil aimable"
text = "L'accueil téléphonique est aimable et personnalisé.\\nTab:\\t, quote: \\"."

[[duties]]
id = "prepare"
text = "Préparez votre appel."

[[revisions]]
version = "2009"
date = 2009-07-01
summary = "Première édition"
"""
