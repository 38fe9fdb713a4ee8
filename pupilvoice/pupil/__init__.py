"""The pupil's side on the class tablet: class list, picture sign-in and the pupil's pages."""
