import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DATABASES = {"default": {"PASSWORD": os.environ.get("DB_PASSWORD", ""), "HOST": "db"}}
AUTH_PASSWORD_VALIDATORS = [{"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"}]
api_key = settings.api_key_provider.current
