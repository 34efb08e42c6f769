-- naïve
{{ col }}->'items'
