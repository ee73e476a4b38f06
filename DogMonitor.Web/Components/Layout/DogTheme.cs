using MudBlazor;

namespace DogMonitor.Web.Components.Layout;

/// <summary>
/// DogMonitor's look: warm amber and cocoa, friendly rounded corners. The dark palette is a warm brown-black rather
/// than MudBlazor's blue-grey, so the live picture keeps its colours beside it.
/// </summary>
internal static class DogTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#B4541A",
            Secondary = "#2E7D6B",
            Tertiary = "#C2185B",
            Info = "#1F6FB2",
            Success = "#2E7D32",
            Warning = "#B26A00",
            Error = "#C62828",
            Background = "#FFF8F0",
            BackgroundGray = "#F6ECE0",
            Surface = "#FFFFFF",
            AppbarBackground = "#5B3A26",
            AppbarText = "#FFF8F0",
            DrawerBackground = "#FFF8F0",
            DrawerText = "#3B2A20",
            TextPrimary = "#2F241D",
            TextSecondary = "#6D5A4C",
            LinesDefault = "#E6D6C4",
            Divider = "#E6D6C4",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#FFB46B",
            PrimaryContrastText = "#2B1A0D",
            Secondary = "#7FD1BC",
            SecondaryContrastText = "#10241F",
            // Light colours on a dark page need dark text on them (status chips, alerts): white would fail WCAG AA.
            Tertiary = "#F48FB1",
            TertiaryContrastText = "#2A0A16",
            Info = "#7CB8F0",
            InfoContrastText = "#0D1B29",
            Success = "#81C784",
            SuccessContrastText = "#10210F",
            Warning = "#FFCC66",
            WarningContrastText = "#2B1D00",
            Error = "#FF8A80",
            ErrorContrastText = "#2B0B08",
            Background = "#17120F",
            BackgroundGray = "#201914",
            Surface = "#241C17",
            AppbarBackground = "#221A15",
            AppbarText = "#FBEBDD",
            DrawerBackground = "#1D1612",
            DrawerText = "#FBEBDD",
            TextPrimary = "#FBEBDD",
            TextSecondary = "#C9B5A5",
            ActionDefault = "#D9C5B5",
            LinesDefault = "#3D3129",
            Divider = "#3D3129",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "10px" },
    };
}
