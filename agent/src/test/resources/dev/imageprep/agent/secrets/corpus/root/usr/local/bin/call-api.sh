#!/bin/sh
curl -s -H "Authorization: Bearer VQGWjOeHNCVkkgNiTn4TxP8.spjgs2JdsH96I24L" https://api.internal/v1/jobs
