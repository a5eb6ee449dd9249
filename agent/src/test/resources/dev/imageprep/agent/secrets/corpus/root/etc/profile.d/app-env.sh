# credentials for the nightly export
export AWS_ACCESS_KEY_ID=AKIAZHQQ2TPVD6PUYAXH
export AWS_SECRET_ACCESS_KEY="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"
export AWS_DEFAULT_REGION=eu-west-1
