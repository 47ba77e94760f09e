from django.apps import AppConfig


class NexaConfig(AppConfig):
    name = "nexa"
    verbose_name = "Nexa"
