"""Two events' short reports, written for the tests: a quake in Peru and a cup final in Portugal."""

QUAKE = [
    "A magnitude 6.8 earthquake struck southern Peru on Tuesday, collapsing houses in Arequipa province.",
    "The earthquake in Peru shook Arequipa for nearly a minute; rescuers searched collapsed houses overnight.",
    "Peru's civil defence said the strong earthquake near Arequipa damaged houses, roads and a church.",
]
FINAL = [
    "Porto beat Benfica 2-1 in the cup final at the national stadium, with a late header from the captain.",
    "A late header gave Porto the cup final against Benfica; the captain scored in the final minute.",
    "Benfica lost the cup final to Porto after the captain's header, and their coach blamed the defence.",
]
